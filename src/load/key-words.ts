// The words a Chinese-speaking editor types for the language's keys (`编制: 3` for `headcount: 3`):
// an unknown key that is one of them suggests the key, where edit distance has nothing to offer.
// Each word names one key; a key is suggested only where it is allowed.

const WORDS: Readonly<Record<string, readonly string[]>> = {
  title: ['岗位名称', '职位名称', '职位', '头衔', '标题'],
  name: ['名称', '名字', '姓名'],
  purpose: ['目的', '岗位目的', '使命', '岗位使命'],
  level: ['层级', '级别', '职级'],
  family: ['岗位族', '序列', '职族'],
  scope: ['范围', '负责范围'],
  reports_to: ['汇报给', '汇报对象', '上级', '直属上级', '汇报'],
  dotted_line_to: ['虚线汇报', '虚线上级'],
  headcount: ['编制', '人数', '编制人数', '定编'],
  vacancies: ['空缺', '空缺数', '缺编'],
  duties: ['职责', '岗位职责'],
  requires: ['任职要求', '要求', '任职资格'],
  experience: ['经验', '工作经验', '工作年限', '年限'],
  competencies: ['能力', '能力要求', '胜任力'],
  tools: ['工具', '系统'],
  notes: ['备注', '注释', '说明'],
  description: ['描述', '简介'],
  area: ['领域', '职责领域'],
  step: ['步骤', '流程步骤', '环节'],
  steps: ['步骤列表'],
  effort: ['工作量', '投入'],
  demands: ['能力需求'],
  owners: ['负责人', '责任人'],
  owner: ['负责岗位'],
  measures: ['衡量', '考核'],
  target: ['目标值'],
  unit: ['单位'],
  kind: ['类型', '种类'],
  role: ['岗位'],
  chair: ['主持', '主持人'],
  attendees: ['参会', '参会岗位', '参会人'],
  cadence: ['频率', '周期'],
  within: ['时限', '时效'],
  department: ['所属部门', '部门'],
  location: ['工作地点', '地点', '办公地点'],
  employment_type: ['工作性质', '用工性质', '用工形式', '雇佣类型'],
  education: ['学历', '学历要求'],
  career_path: ['晋升通道', '晋升路径', '发展通道'],
  authority: ['权限', '职权'],
  relationships: ['工作关系'],
};

const KEY_OF_WORD = new Map<string, string>(Object.entries(WORDS).flatMap(([key, words]) => words.map((w) => [w, key] as [string, string])));

/** The key a Chinese word stands for, if it is allowed here. */
export function keyForWord(word: string, allowed: readonly string[]): string | undefined {
  const key = KEY_OF_WORD.get(word.normalize('NFKC').trim());
  return key !== undefined && allowed.includes(key) ? key : undefined;
}
