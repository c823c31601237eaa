// A place in a YAML document named by the keys and indexes that lead to it: what findings, the
// model's sources and the position index all speak, so it lives below all of them.
export type PathSegment = string | number;
export type Path = readonly PathSegment[];
export type Part = 'key' | 'value';
