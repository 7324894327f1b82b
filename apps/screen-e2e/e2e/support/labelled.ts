/** Runs assertions with `label` in front of a failure's message: Jest's `expect` takes no message of its own. */
export function labelled(label: string, assertions: () => void): void {
  try {
    assertions();
  } catch (error) {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
