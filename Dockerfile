# Cohesion on Node 24: `npm ci` installs exactly the lock file's runtime dependencies, `npm start` runs it (README:
# Running several replicas). Build from the repository's root: docker build -t cohesion .
FROM node:24-bookworm-slim

ENV NODE_ENV=production \
    PORT=3000 \
    COHESION_CONFIG=/config/cohesion.yaml
WORKDIR /app

COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .

# The application's files stay root's, read-only to the process: it writes to PostgreSQL, or else to DATA_DIR only.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npm", "start"]
