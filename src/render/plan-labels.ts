// The fixed words of the capacity and cost part of the summary (and its workbook sheet), in each
// language we ship. Kept beside LABELS rather than in it: buildViews merges the two.
import type { UiLanguage } from '../i18n/lang.js';

type Entry = Record<UiLanguage, string>;
const e = (en: string, zhCN: string, zhTW: string): Entry => ({ en, 'zh-CN': zhCN, 'zh-TW': zhTW });

export const PLAN_LABELS = {
  planning: e('Capacity and cost', '产能与成本', '產能與成本'),
  managerRatio: e('Individual contributors per manager', '每位管理者对应的非管理岗人数', '每位管理者對應的非管理崗人數'),
  managerSeats: e('Manager seats', '管理岗编制', '管理崗編制'),
  icSeats: e('Individual-contributor seats', '非管理岗编制', '非管理崗編制'),
  capacity: e('Quota capacity against targets', '指标产能与目标', '指標產能與目標'),
  capacityNote: e(
    'Capacity = ramped seats × quota × attainment + ramping seats × quota × ramp share, less half the attrition; open seats add nothing until hired.',
    '产能 = 已爬坡编制 × 指标 × 达成率 + 爬坡中编制 × 指标 × 爬坡系数，再扣除一半的流失；空缺编制在招到人之前不计产能。',
    '產能 = 已爬坡編制 × 指標 × 達成率 + 爬坡中編制 × 指標 × 爬坡係數，再扣除一半的流失；空缺編制在招到人之前不計產能。',
  ),
  capacityTarget: e('Target', '目标', '目標'),
  targetValue: e('Target value', '目标值', '目標值'),
  capacityValue: e('Capacity', '产能', '產能'),
  quotas: e('Quotas assigned', '已分配指标', '已分配指標'),
  capacityCoverage: e('Capacity ÷ target', '产能 ÷ 目标', '產能 ÷ 目標'),
  seats: e('Seats', '编制', '編制'),
  cost: e('Cost of the design', '设计成本', '設計成本'),
  loadedCost: e('Loaded cost a year', '年度综合用人成本', '年度綜合用人成本'),
  openCost: e('of which open seats', '其中空缺编制', '其中空缺編制'),
  costNote: e(
    'Loaded cost = seats × band mid × (1 + variable) × (1 + on-costs), open seats counted at full cost: the budget of the design as if every seat were filled.',
    '综合用人成本 = 编制数 × 薪酬带宽中位值 × (1 + 浮动薪酬比例) × (1 + 企业附加成本比例)，空缺编制按全额计入：即所有编制到岗时的设计预算。',
    '綜合用人成本 = 編制數 × 薪酬帶寬中位值 × (1 + 浮動薪酬比例) × (1 + 企業附加成本比例)，空缺編制按全額計入：即所有編制到崗時的設計預算。',
  ),
  payBand: e('Pay band', '薪酬带宽', '薪酬帶寬'),
  perSeat: e('Per seat', '每个编制', '每個編制'),
  costByRole: e('Cost by role', '按岗位', '按崗位'),
  costByLevel: e('Cost by level', '按层级', '按層級'),
  shareOfCost: e('Share', '占比', '占比'),
  shared: e('Across all (not placed)', '共用（未划分）', '共用（未劃分）'),
  costOfSale: e('Cost of sale (loaded cost ÷ revenue target)', '销售人力成本率（综合用人成本 ÷ 收入目标）', '銷售人力成本率（綜合用人成本 ÷ 收入目標）'),
  revenue: e('Revenue target', '收入目标', '收入目標'),
  ratio: e('Cost of sale', '成本率', '成本率'),
  notCounted: e('Not in the total', '未计入合计', '未計入合計'),
  noBand: e('no pay band', '未设薪酬带宽', '未設薪酬帶寬'),
  otherCurrency: e('band in {currency}', '薪酬带宽以 {currency} 计', '薪酬帶寬以 {currency} 計'),
} satisfies Record<string, Entry>;
