import type { ChartSpec } from "../kernel/ports.js";

/** A chart split into its shape, which Vega compiles once, and the values that change from one drawing to the next. */
export interface SeparatedChart {
  /** The Vega-Lite spec with each inline data set replaced by a named one and top-level parameters left without value. */
  readonly shape: Record<string, unknown>;
  /** The shape as text: charts with the same key differ only in their data sets and parameter values. */
  readonly key: string;
  readonly datasets: ReadonlyMap<string, readonly unknown[]>;
  readonly signals: ReadonlyMap<string, unknown>;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A top-level parameter holding a plain value (not a selection, not an expression). */
function isValueParameter(value: unknown): value is Json & { name: string } {
  return isObject(value) && typeof value["name"] === "string" && !("select" in value) && !("expr" in value);
}

/**
 * Splits a Vega-Lite spec into shape and values. Identical inline data sets get the same name, so Vega-Lite
 * merges the same sources it merges when they are inline, and the compiled charts match.
 */
export function separateChart(spec: ChartSpec): SeparatedChart {
  const datasets = new Map<string, readonly unknown[]>();
  const names = new Map<string, string>();
  const nameOf = (values: readonly unknown[]): string => {
    const content = JSON.stringify(values);
    let name = names.get(content);
    if (name === undefined) {
      name = `values_${names.size}`;
      names.set(content, name);
      datasets.set(name, values);
    }
    return name;
  };
  const separate = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(separate);
    if (!isObject(node)) return node;
    const copy: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "data" && isObject(value) && Array.isArray(value["values"])) {
        const { values, ...rest } = value;
        copy[key] = { ...rest, name: nameOf(values as unknown[]) };
      } else copy[key] = separate(value);
    }
    return copy;
  };
  const shape = separate(spec) as Json;
  const signals = new Map<string, unknown>();
  if (Array.isArray(shape["params"]))
    shape["params"] = shape["params"].map((parameter: unknown) => {
      if (!isValueParameter(parameter)) return parameter;
      signals.set(parameter.name, parameter["value"]);
      return { ...parameter, value: null };
    });
  return { shape, key: JSON.stringify(shape), datasets, signals };
}
