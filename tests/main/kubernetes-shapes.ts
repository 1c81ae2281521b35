// The shapes of the Kubernetes objects deploy/kubernetes.yaml uses, as JSON Schemas: the fields of apps/v1 Deployment
// and v1 Service that Cohesion's file may set, with their types as the Kubernetes 1.31 API reference gives them
// (https://kubernetes.io/docs/reference/kubernetes-api/). Any other field is refused, so a misspelt one fails.

const string = { type: "string" } as const;
const integer = { type: "integer" } as const;
const boolean = { type: "boolean" } as const;
const intOrString = { type: ["integer", "string"] } as const;
const quantity = { type: ["string", "number"], pattern: "^[0-9.]+(m|Ki|Mi|Gi|Ti|k|M|G|T)?$" } as const;
const labels = { type: "object", additionalProperties: string } as const;

/** A strict object: only these properties, these of them required. */
function object(properties: Record<string, object>, required: string[] = []): object {
  return { type: "object", properties, required, additionalProperties: false };
}

const metadata = object({ name: string, namespace: string, labels, annotations: labels }, ["name"]);
const labelSelector = object({ matchLabels: labels });

const probe = object({
  httpGet: object({ path: string, port: intOrString, scheme: { enum: ["HTTP", "HTTPS"] } }, ["port"]),
  initialDelaySeconds: integer,
  periodSeconds: integer,
  timeoutSeconds: integer,
  successThreshold: integer,
  failureThreshold: integer,
});

const container = object(
  {
    name: string,
    image: string,
    imagePullPolicy: { enum: ["Always", "IfNotPresent", "Never"] },
    command: { type: "array", items: string },
    args: { type: "array", items: string },
    ports: {
      type: "array",
      items: object({ name: string, containerPort: integer, protocol: { enum: ["TCP", "UDP", "SCTP"] } }, [
        "containerPort",
      ]),
    },
    env: { type: "array", items: object({ name: string, value: string }, ["name"]) },
    envFrom: {
      type: "array",
      items: object({ secretRef: object({ name: string, optional: boolean }, ["name"]), prefix: string }),
    },
    volumeMounts: {
      type: "array",
      items: object({ name: string, mountPath: string, readOnly: boolean, subPath: string }, ["name", "mountPath"]),
    },
    readinessProbe: probe,
    livenessProbe: probe,
    startupProbe: probe,
    resources: object({
      requests: object({ cpu: quantity, memory: quantity }),
      limits: object({ cpu: quantity, memory: quantity }),
    }),
    securityContext: object({
      allowPrivilegeEscalation: boolean,
      readOnlyRootFilesystem: boolean,
      runAsNonRoot: boolean,
      capabilities: object({ add: { type: "array", items: string }, drop: { type: "array", items: string } }),
    }),
  },
  ["name", "image"],
);

const podSpec = object(
  {
    containers: { type: "array", minItems: 1, items: container },
    terminationGracePeriodSeconds: integer,
    securityContext: object({ runAsNonRoot: boolean, runAsUser: integer, runAsGroup: integer, fsGroup: integer }),
    volumes: {
      type: "array",
      items: object({ name: string, configMap: object({ name: string }, ["name"]), emptyDir: object({}) }, ["name"]),
    },
  },
  ["containers"],
);

/** apps/v1 Deployment. */
export const deploymentShape = object(
  {
    apiVersion: { const: "apps/v1" },
    kind: { const: "Deployment" },
    metadata,
    spec: object(
      {
        replicas: integer,
        selector: labelSelector,
        strategy: object({
          type: { enum: ["RollingUpdate", "Recreate"] },
          rollingUpdate: object({ maxUnavailable: intOrString, maxSurge: intOrString }),
        }),
        template: object({ metadata: object({ labels, annotations: labels }), spec: podSpec }, ["spec"]),
      },
      ["selector", "template"],
    ),
  },
  ["apiVersion", "kind", "metadata", "spec"],
);

/** v1 Service. */
export const serviceShape = object(
  {
    apiVersion: { const: "v1" },
    kind: { const: "Service" },
    metadata,
    spec: object(
      {
        type: { enum: ["ClusterIP", "NodePort", "LoadBalancer"] },
        selector: labels,
        ports: {
          type: "array",
          minItems: 1,
          items: object(
            { name: string, port: integer, targetPort: intOrString, protocol: { enum: ["TCP", "UDP", "SCTP"] } },
            ["port"],
          ),
        },
      },
      ["ports"],
    ),
  },
  ["apiVersion", "kind", "metadata", "spec"],
);
