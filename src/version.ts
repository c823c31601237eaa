// The package version, inlined by the bundler so `orgc --version` reads no file.
declare const ORGC_VERSION: string | undefined;
export const VERSION: string = typeof ORGC_VERSION === 'string' ? ORGC_VERSION : '0.0.0-dev';
