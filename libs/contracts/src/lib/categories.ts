/** Incident categories named in the domain brief, with the labels the screens show. */
export const REPORT_CATEGORIES = [
  'environment_sanitation',
  'property_management',
  'noise',
  'parking',
  'fire_safety',
  'illegal_construction',
  'dispute',
  'public_facilities',
  'gas_utilities',
  'epidemic_prevention',
  'elderly_care',
  'public_security',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const CATEGORY_LABELS: Readonly<Record<ReportCategory, Label>> = {
  environment_sanitation: { zh: '环境卫生', en: 'Sanitation' },
  property_management: { zh: '物业管理', en: 'Property management' },
  noise: { zh: '噪音扰民', en: 'Noise' },
  parking: { zh: '车辆乱停', en: 'Illegal parking' },
  fire_safety: { zh: '消防安全', en: 'Fire safety' },
  illegal_construction: { zh: '违章搭建', en: 'Illegal construction' },
  dispute: { zh: '矛盾纠纷', en: 'Disputes' },
  public_facilities: { zh: '公共设施', en: 'Public facilities' },
  gas_utilities: { zh: '燃气水电', en: 'Gas & utilities' },
  epidemic_prevention: { zh: '疫情防控', en: 'Epidemic prevention' },
  elderly_care: { zh: '助老帮困', en: 'Elderly & vulnerable care' },
  public_security: { zh: '安全隐患', en: 'Public safety hazards' },
  other: { zh: '其他', en: 'Other' },
};

export const REPORT_SOURCES = ['grid_worker', 'hotline_12345', 'resident_app', 'iot_sensor', 'party_member'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

export const SOURCE_LABELS: Readonly<Record<ReportSource, Label>> = {
  grid_worker: { zh: '网格巡查', en: 'Grid worker patrol' },
  hotline_12345: { zh: '12345热线', en: '12345 hotline' },
  resident_app: { zh: '居民上报', en: 'Resident app' },
  iot_sensor: { zh: '物联感知', en: 'IoT sensor' },
  party_member: { zh: '党员志愿者', en: 'Party-member volunteer' },
};

/** 1 一般 · 2 较急 · 3 紧急 · 4 特急 */
export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Readonly<Record<Severity, Label>> = {
  1: { zh: '一般', en: 'Normal' },
  2: { zh: '较急', en: 'Urgent' },
  3: { zh: '紧急', en: 'Emergency' },
  4: { zh: '特急', en: 'Critical' },
};
