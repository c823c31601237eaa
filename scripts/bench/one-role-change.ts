// The "one-role change" of the re-render benchmark: the org with one role's English title changed,
// the role half-way down the roles section (a frontline role of a synthetic org: its job
// description, its manager's, the chart page it sits on and the pages listing it change).
// Text-level, so that the rest of the file stays byte for byte as it was.

export function retitleOneRole(yaml: string, suffix = ' (renamed)'): { yaml: string; role: string } {
  const lines = yaml.split('\n');
  const start = lines.indexOf('roles:');
  if (start < 0) throw new Error('no roles section');
  let end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  if (end < 0) end = lines.length;
  const titles: number[] = [];
  for (let i = start + 1; i < end; i++) if (/^ {4}title: \{ en: /.test(lines[i])) titles.push(i);
  if (titles.length === 0) throw new Error('no role with an English title');
  const at = titles[Math.floor(titles.length / 2)];
  let head = at - 1;
  while (!/^ {2}\S/.test(lines[head])) head--;
  lines[at] = lines[at].replace(/^( {4}title: \{ en: )([^,}]*?)(\s*[,}])/, (_, a, title, b) => `${a}${title}${suffix}${b}`);
  return { yaml: lines.join('\n'), role: lines[head].trim().replace(/:$/, '') };
}
