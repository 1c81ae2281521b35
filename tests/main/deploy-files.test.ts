import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { envSchema } from "../../src/app/settings.js";
import { deploymentShape, serviceShape } from "./kubernetes-shapes.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const ajv = new Ajv({ allErrors: true, strict: false });
// The Compose schema names draft-07 by its https address; Ajv knows that meta-schema by its http one.
const draft07 = readFileSync(createRequire(import.meta.url).resolve("ajv/dist/refs/json-schema-draft-07.json"), "utf8");
ajv.addMetaSchema({ ...(JSON.parse(draft07) as object), $id: "https://json-schema.org/draft-07/schema" });
const composeSpec = JSON.parse(read("tests/main/fixtures/schemas/compose-spec.json")) as object;
const validCompose = ajv.compile(composeSpec);
const validDeployment = ajv.compile(deploymentShape);
const validService = ajv.compile(serviceShape);

interface ComposeFile {
  services: Record<string, { deploy?: { replicas?: number }; environment?: Record<string, string>; env_file?: string }>;
}
type Manifest = Record<string, unknown> & { kind: string };

const compose = parse(read("deploy/compose.yaml")) as ComposeFile;
const manifests = parseAllDocuments(read("deploy/kubernetes.yaml")).map((document) => document.toJS() as Manifest);
const envExample = read("deploy/.env.example");
const exampleNames = [...envExample.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]);

function errorsOf(validate: typeof validCompose, value: unknown) {
  validate(value);
  return validate.errors ?? [];
}

describe("deploy/compose.yaml", () => {
  it("is valid for the Compose Specification's JSON Schema", () => {
    expect(errorsOf(validCompose, compose)).toEqual([]);
  });

  it("would be refused with a misspelt field", () => {
    const misspelt = { ...compose, services: { ...compose.services, extra: { image: "x", replica: 3 } } };
    expect(validCompose(misspelt)).toBe(false);
  });

  it("runs three Cohesion replicas on the one PostgreSQL database, in production", () => {
    const cohesion = compose.services["cohesion"];
    expect(cohesion?.deploy?.replicas).toBe(3);
    expect(cohesion?.environment?.["DATABASE_URL"]).toMatch(/^postgres:\/\/cohesion:\$\{POSTGRES_PASSWORD\}@postgres:/);
    expect(cohesion?.environment?.["NODE_ENV"]).toBe("production");
    expect(cohesion?.env_file).toBe(".env");
  });

  it("takes every variable it interpolates from the env file whose example it ships", () => {
    const interpolated = [...read("deploy/compose.yaml").matchAll(/\$\{([A-Z_]+)/g)].map((match) => match[1]);
    expect(interpolated.filter((name) => !exampleNames.includes(name))).toEqual([]);
  });

  it("sends the proxy's requests to the replicas' port by their service name", () => {
    const caddyfile = read("deploy/Caddyfile");
    expect(caddyfile).toMatch(/name cohesion\s/);
    expect(caddyfile).toMatch(new RegExp(`port ${compose.services["cohesion"]?.environment?.["PORT"]}\\s`));
  });
});

describe("deploy/.env.example", () => {
  it("names only variables Cohesion reads, besides the compose file's own", () => {
    const cohesionNames = Object.keys(envSchema.shape);
    const unknown = exampleNames.filter((name) => !cohesionNames.includes(name!));
    expect(unknown).toEqual(["COHESION_DOMAIN", "POSTGRES_PASSWORD"]);
  });

  it("holds no secret", () => {
    expect([...envExample.matchAll(/^[A-Z_]+=(.+)$/gm)].map((match) => match[1])).toEqual(["info"]);
  });
});

describe("deploy/kubernetes.yaml", () => {
  const deployment = manifests.find((manifest) => manifest.kind === "Deployment");
  const service = manifests.find((manifest) => manifest.kind === "Service");
  const pod = (deployment as unknown as { spec: { template: { metadata: { labels: object }; spec: PodSpec } } }).spec
    .template;
  const container = pod.spec.containers[0]!;

  it("holds a Deployment and a Service in the shapes of Kubernetes' apps/v1 and v1", () => {
    expect(manifests.map((manifest) => manifest.kind)).toEqual(["Deployment", "Service"]);
    expect(errorsOf(validDeployment, deployment)).toEqual([]);
    expect(errorsOf(validService, service)).toEqual([]);
  });

  it("would be refused with a misspelt field", () => {
    const misspelt = { ...deployment, spec: { ...(deployment?.["spec"] as object), replica: 3 } };
    expect(validDeployment(misspelt)).toBe(false);
  });

  it("runs three replicas whose pods its selector and the Service's both pick", () => {
    const spec = deployment?.["spec"] as { replicas: number; selector: { matchLabels: object } };
    expect(spec.replicas).toBe(3);
    expect(pod.metadata.labels).toMatchObject(spec.selector.matchLabels);
    expect(pod.metadata.labels).toMatchObject((service?.["spec"] as { selector: object }).selector);
  });

  it("probes /healthz on the port Cohesion listens on, which the Service targets", () => {
    const port = container.ports[0]!;
    expect(container.env).toContainEqual({ name: "PORT", value: String(port.containerPort) });
    for (const probe of [container.readinessProbe, container.livenessProbe])
      expect(probe.httpGet).toEqual({ path: "/healthz", port: port.name });
    expect((service?.["spec"] as { ports: { targetPort: string }[] }).ports[0]?.targetPort).toBe(port.name);
  });

  it("takes its secrets from a Secret and bounds its resources", () => {
    expect(container.envFrom).toEqual([{ secretRef: { name: "cohesion-secrets" } }]);
    expect(container.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.env).toContainEqual({ name: "NODE_ENV", value: "production" });
  });
});

describe("the Dockerfile", () => {
  it("builds on Node 24 with npm ci and runs npm start, as the README says to run Cohesion", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toMatch(/^FROM node:24-/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]$/m);
    expect((JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts["start"]).toBeDefined();
  });

  it("leaves secrets and local data out of the image", () => {
    const ignored = read(".dockerignore").split("\n");
    expect(ignored).toEqual(expect.arrayContaining([".env", "deploy/.env", "data", "node_modules", "cohesion.yaml"]));
  });
});

interface PodSpec {
  containers: {
    env: { name: string; value: string }[];
    envFrom: unknown[];
    ports: { name: string; containerPort: number }[];
    readinessProbe: { httpGet: unknown };
    livenessProbe: { httpGet: unknown };
    resources: { limits: unknown };
  }[];
}
