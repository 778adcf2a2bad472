/** OutputWriter.sanitizeStringForOutput: what RCTab allows in file names and CDF ids. */
export function sanitizeForOutput(text: string): string {
  return text.replace(/[^a-zA-Z0-9_\-.]/g, '_');
}
