/**
 * The converters, fetched only when someone exports or imports: TipTap's schema and Markdown,
 * fflate and papaparse stay out of the routes' first load (route byte budgets).
 */
export function loadExchange(): Promise<typeof import('@trame/workspace/exchange')> {
  return import('@trame/workspace/exchange');
}
