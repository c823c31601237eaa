// `--format docx`: one Word document per role's job description, for HR to edit in Word. Written
// with the `docx` library, an optional peer of orgc (24 MB installed, more than the whole CLI):
// it is loaded only when this format is asked for, with a clear message when it is not installed.
// The bytes are the same on every run: the library stamps the time in docProps/core.xml and in
// the zip entries, so the package is re-zipped with a fixed date (the org's posting date, else
// 2000-01-01).
import { unzipSync, zipSync } from 'fflate';
import type * as Docx from 'docx';
import { importExternal } from '../external.js';
import { pick } from '../i18n/text.js';
import type { PageSink } from './output.js';
import { TemplateError } from './templates.js';
import type { RoleView, Views } from './view/types.js';

export const DOCX_INSTALL = 'npm install docx@9';

/**
 * `docx` is not installed. A TemplateError, as a problem with what renders the documents: the CLI
 * and the API report it as a usage error with its message alone.
 */
export class MissingDocxError extends TemplateError {}

async function loadDocx(lang: string): Promise<typeof Docx> {
  try {
    return await importExternal<typeof Docx>('docx');
  } catch {
    throw new MissingDocxError(
      pick(
        {
          en: `--format docx writes Word files with the optional package docx, which is not installed: run \`${DOCX_INSTALL}\` in the project, then render again`,
          'zh-CN': `--format docx 使用可选依赖包 docx 生成 Word 文件，但尚未安装：请在项目中运行 \`${DOCX_INSTALL}\` 后重新渲染`,
        },
        lang,
      ),
    );
  }
}

/** `roles/<file>.docx` for every role. `date` (YYYY-MM-DD) is stamped as the documents' creation date. */
export async function renderDocx(views: Views, out: PageSink, date = '2000-01-01'): Promise<void> {
  const docx = await loadDocx(views.org.lang);
  for (const role of views.roles) {
    const doc = roleDocument(docx, role, views);
    const bytes = await docx.Packer.toBuffer(doc);
    out.set(`roles/${role.file}.docx`, fixedDates(new Uint8Array(bytes), date));
  }
}

function roleDocument(d: typeof Docx, role: RoleView, views: Views): Docx.Document {
  const { labels, org } = views;
  const zh = org.lang !== 'en';
  const colon = zh ? '：' : ': ';
  const job = role.job;
  const children: Array<Docx.Paragraph | Docx.Table> = [];
  const heading = (text: string, level: (typeof d.HeadingLevel)[keyof typeof d.HeadingLevel] = d.HeadingLevel.HEADING_2) => children.push(new d.Paragraph({ text, heading: level }));
  const para = (text: string) => children.push(new d.Paragraph({ children: [new d.TextRun(text)] }));
  const bullets = (items: string[]) => items.forEach((text) => children.push(new d.Paragraph({ text, bullet: { level: 0 } })));
  const join = (items: string[]) => items.join(zh ? '、' : ', ');

  heading(role.title, d.HeadingLevel.TITLE);
  children.push(new d.Paragraph({ children: [new d.TextRun({ text: `${org.name} · ${labels.jobDescription}`, color: '666666' })] }));

  // The header as a two-column table, as a 岗位说明书 opens.
  const facts: Array<[string, string | undefined]> = [
    [labels.jobTitle, role.title],
    [labels.department, job.department],
    [labels.family, role.family],
    [labels.level, role.level],
    [labels.superior, role.reportsTo?.title],
    [labels.dottedLineTo, role.dottedLineTo.length ? join(role.dottedLineTo.map((r) => r.title)) : undefined],
    [labels.subordinates, role.directReports.length ? join(role.directReports.map((r) => `${r.title}${zh ? `（${r.headcount}）` : ` (${r.headcount})`}`)) : undefined],
    [labels.headcount, `${role.headcount}${zh ? '（' : ' ('}${role.filled} ${labels.filled}${role.vacancies ? `${zh ? '、' : ', '}${role.vacancies} ${labels.open}` : ''}${zh ? '）' : ')'}`],
    [labels.location, job.location],
    [labels.employmentType, job.employmentType],
    [labels.education, job.education],
    [labels.payRange, job.payRange],
  ];
  const cell = (text: string, bold = false) =>
    new d.TableCell({ children: [new d.Paragraph({ children: [new d.TextRun({ text, bold })] })], width: { size: bold ? 30 : 70, type: d.WidthType.PERCENTAGE } });
  children.push(
    new d.Table({
      width: { size: 100, type: d.WidthType.PERCENTAGE },
      rows: facts.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '').map(([k, v]) => new d.TableRow({ children: [cell(k, true), cell(v)] })),
    }),
  );

  if (role.purpose) {
    heading(labels.purpose);
    para(role.purpose);
  }
  if (job.responsibilities.length) {
    heading(labels.responsibilities);
    for (const group of job.responsibilities) {
      heading(group.area, d.HeadingLevel.HEADING_3);
      // Numbers written out: they survive copying into another document or a job site.
      for (const duty of group.duties) {
        children.push(new d.Paragraph({ children: [new d.TextRun(`${duty.n}. ${duty.sentence} `), new d.TextRun({ text: duty.note, color: '666666', size: 18 })] }));
      }
    }
  }
  if (job.informedOf.length) {
    heading(labels.informedOf);
    bullets(job.informedOf.map((x) => (x.step ? `${x.name}${zh ? `（${x.step}）` : ` (${x.step})`}` : x.name)));
  }
  if (job.qualifications.length) {
    heading(labels.qualifications);
    bullets(job.qualifications);
  }
  if (role.kpis.length) {
    heading(labels.kpis);
    bullets(role.kpis.map((k) => `${k.name}${k.target ? `${colon}${k.target}${k.unit ? ` ${k.unit}` : ''}` : ''}`));
  }
  if (job.authority.length) {
    heading(labels.authority);
    bullets(job.authority);
  }
  const internal = [...job.relationships.internal.map((r) => r.title), ...(job.relationships.internalMore ? [job.relationships.internalMore] : []), ...job.relationships.internalText];
  if (internal.length || job.relationships.external.length) {
    heading(labels.relationships);
    if (internal.length) bullets([`${labels.internal}${colon}${join(internal)}`]);
    if (job.relationships.external.length) bullets([`${labels.external}${colon}${join(job.relationships.external)}`]);
  }
  if (job.careerPath.length) {
    heading(labels.careerPath);
    para(job.careerPath.map((r) => r.title).join(' → '));
  }
  children.push(new d.Paragraph({ children: [new d.TextRun({ text: labels.generated, color: '999999', size: 16 })] }));

  return new d.Document({
    creator: 'orgc',
    lastModifiedBy: 'orgc',
    title: role.title,
    description: `${org.name} · ${labels.jobDescription}`,
    styles: { default: { document: { run: { font: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: zh ? 'Microsoft YaHei' : 'Calibri' } } } } },
    sections: [{ children }],
  });
}

/** The package with its creation dates and zip entry times set to `date`, so the bytes do not depend on the clock. */
function fixedDates(bytes: Uint8Array, date: string): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  const stamp = `${date}T00:00:00Z`;
  if (core) {
    const xml = new TextDecoder().decode(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
    files['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  // Entries in the library's order (the content-types part first, as Word expects), each with the fixed time.
  // Zip times are local times: a date built from local parts reads back the same in every time zone.
  const [y, m, d] = date.split('-').map(Number);
  const mtime = new Date(y, m - 1, d);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime }]])), { level: 6 });
}

