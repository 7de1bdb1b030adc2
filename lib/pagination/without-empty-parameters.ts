import { z } from "zod";

/**
 * Query strings carry empty parameters (`?type=&q=`): an empty value of a parameter the list declares means "not
 * set". An undeclared parameter stays, empty or not, so the strict schema refuses it by name.
 */
export function withoutEmptyParameters<Shape extends z.core.$ZodLooseShape>(schema: z.ZodObject<Shape, z.core.$strict>) {
  const declared = new Set(Object.keys(schema.shape));
  return z.preprocess(
    (input) =>
      typeof input === "object" && input !== null && !Array.isArray(input)
        ? Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== "" || !declared.has(key)))
        : input,
    schema,
  );
}
