/** The published manifest made from the repository's package.json (scripts/manifest.mjs). */
export function publishedManifest(pkg: Record<string, unknown>): Record<string, unknown>;
