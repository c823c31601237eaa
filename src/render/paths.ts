// File names in the rendered output. Ids are already safe characters (lowercase, digits, hyphens);
// what remains is names Windows reserves, which get a trailing underscore — a character ids
// cannot contain, so the result never collides with another role's file.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function roleFile(id: string): string {
  return RESERVED.test(id) ? `${id}_` : id;
}
