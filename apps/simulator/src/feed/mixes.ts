import type { ReportCategory, ReportSource, Severity } from '@grid-command/contracts';

/**
 * The shape of a district's day, from the seed articles: sanitation, property management, noise and
 * parking dominate the complaint books; fire and gas hazards are rare but urgent. Weights are relative.
 */
export const CATEGORY_WEIGHTS: Readonly<Record<ReportCategory, number>> = {
  environment_sanitation: 22,
  property_management: 16,
  noise: 13,
  parking: 13,
  public_facilities: 8,
  dispute: 6,
  illegal_construction: 5,
  elderly_care: 4,
  public_security: 4,
  other: 3,
  fire_safety: 2,
  gas_utilities: 2,
  epidemic_prevention: 1,
};

/** Sensors only measure what they are built for: smoke, gas, bins, parking bays, noise meters. */
export const IOT_CATEGORY_WEIGHTS: Readonly<Record<ReportCategory, number>> = {
  environment_sanitation: 30,
  parking: 25,
  noise: 15,
  fire_safety: 12,
  gas_utilities: 12,
  public_facilities: 6,
  property_management: 0,
  dispute: 0,
  illegal_construction: 0,
  elderly_care: 0,
  public_security: 0,
  other: 0,
  epidemic_prevention: 0,
};

/** Grid workers on patrol file most reports; the 12345 hotline and the resident app follow. */
export const SOURCE_WEIGHTS: Readonly<Record<ReportSource, number>> = {
  grid_worker: 45,
  hotline_12345: 20,
  resident_app: 20,
  iot_sensor: 8,
  party_member: 7,
};

/** 一般 / 较急 / 紧急 / 特急: most reports are routine, 特急 is about one in a hundred. */
export const ROUTINE_SEVERITY_WEIGHTS: ReadonlyArray<readonly [Severity, number]> = [
  [1, 80],
  [2, 14],
  [3, 5],
  [4, 1],
];

/** Fire, gas and public-safety hazards skew urgent. */
export const HAZARD_SEVERITY_WEIGHTS: ReadonlyArray<readonly [Severity, number]> = [
  [1, 45],
  [2, 27],
  [3, 20],
  [4, 8],
];

export const HAZARD_CATEGORIES: ReadonlySet<ReportCategory> = new Set(['fire_safety', 'gas_utilities', 'public_security']);

/**
 * Relative report volume per local hour (Asia/Shanghai), 00:00 first: quiet nights, a morning patrol
 * peak, a lunch dip, an afternoon peak and an evening tail of noise and parking complaints.
 */
export const HOURLY_WEIGHTS: readonly number[] = [
  0.25, 0.15, 0.1, 0.1, 0.1, 0.2, 0.45, 0.9, 1.5, 1.9, 2.0, 1.7, 1.1, 1.0, 1.5, 1.8, 1.8, 1.6, 1.3, 1.3, 1.4, 1.2, 0.8, 0.45,
];

/** Evening and night hours when noise complaints (广场舞, renovation, bars) more than double. */
export const NOISE_EVENING_HOURS: ReadonlySet<number> = new Set([20, 21, 22, 23, 0]);
export const NOISE_EVENING_FACTOR = 2.5;

/**
 * What a 创城 (civilised-city) campaign's patrols add: grid workers and party members walking their grids file what
 * the inspectors will look at (sanitation, parking, facilities, shop fronts, clutter). Emergencies do not come
 * more often because a campaign is on, so hazards are not in it.
 */
export const CAMPAIGN_CATEGORY_WEIGHTS = {
  environment_sanitation: 35,
  parking: 20,
  public_facilities: 15,
  illegal_construction: 12,
  property_management: 10,
  other: 8,
} as const satisfies Partial<Record<ReportCategory, number>>;

/** A campaign patrol's finds are routine: an overflowing bin, a blocked pavement, never an emergency. */
export const CAMPAIGN_SEVERITY_WEIGHTS: ReadonlyArray<readonly [Severity, number]> = [
  [1, 85],
  [2, 13],
  [3, 2],
];

/** Who files a campaign's extra reports: its patrols. */
export const CAMPAIGN_SOURCE_WEIGHTS = {
  grid_worker: 80,
  party_member: 20,
} as const satisfies Partial<Record<ReportSource, number>>;

/** What a local burst is about: a noise or parking spike in one community is what the spike alert catches. */
export const BURST_CATEGORY_WEIGHTS: Readonly<Partial<Record<ReportCategory, number>>> = {
  noise: 45,
  parking: 20,
  environment_sanitation: 15,
  property_management: 12,
  public_facilities: 8,
};

/** A few plain descriptions per category, as a grid worker or hotline operator would type them. */
export const DESCRIPTIONS: Readonly<Record<ReportCategory, readonly string[]>> = {
  environment_sanitation: ['垃圾桶满溢未及时清运', '楼道堆放杂物影响通行', '路面污水外溢', '绿化带内有建筑垃圾'],
  property_management: ['电梯故障多日未修', '小区门禁损坏', '物业未按时清扫公共区域', '地下车库照明不足'],
  noise: ['夜间广场舞音响扰民', '装修施工超时作业', '餐饮店夜间噪音扰民', '空调外机噪音过大'],
  parking: ['车辆占用消防通道', '人行道上乱停机动车', '共享单车堆放堵塞路口', '小区出入口车辆乱停'],
  fire_safety: ['楼道电动车飞线充电', '消防栓缺水', '安全出口被堵塞', '烟感报警'],
  illegal_construction: ['楼顶违章搭建彩钢房', '占用公共绿地搭建棚屋', '私自扩建阳台'],
  dispute: ['邻里漏水纠纷', '租户与房东押金纠纷', '停车位归属纠纷'],
  public_facilities: ['路灯不亮', '井盖破损', '健身器材损坏', '老旧小区外墙脱落'],
  gas_utilities: ['疑似燃气泄漏有异味', '片区停水', '供电线路老化', '燃气浓度超限报警'],
  epidemic_prevention: ['公共区域消杀需求', '发热人员登记'],
  elderly_care: ['独居老人需上门探访', '困难群众申请帮扶', '老人走失求助'],
  public_security: ['高空坠物隐患', '围墙开裂存在倒塌风险', '河道护栏缺失'],
  other: ['居民咨询政策', '其他事项'],
};
