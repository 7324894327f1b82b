import type { ReportCategory } from './categories';

/**
 * Which department a command center dispatches a category to (派单), with relative weights: the "15+1+N" of the
 * seed articles, i.e. the district bureaus, the street office and the utilities that answer a 吹哨.
 */
export const DEPARTMENTS_BY_CATEGORY: Readonly<Record<ReportCategory, Readonly<Record<string, number>>>> = {
  environment_sanitation: { 城管执法局: 60, 街道办: 30, 生态环境局: 10 },
  property_management: { 住建局: 50, 街道办: 50 },
  noise: { 公安分局: 40, 城管执法局: 35, 生态环境局: 25 },
  parking: { 交警大队: 60, 城管执法局: 40 },
  fire_safety: { 消防救援大队: 75, 街道办: 25 },
  illegal_construction: { 城管执法局: 70, 住建局: 20, 自然资源局: 10 },
  dispute: { 司法所: 50, 街道办: 30, 公安分局: 20 },
  public_facilities: { 住建局: 40, 城管执法局: 30, 街道办: 30 },
  gas_utilities: { 燃气公司: 40, 供水公司: 35, 供电局: 25 },
  epidemic_prevention: { 卫健局: 70, 街道办: 30 },
  elderly_care: { 民政局: 60, 街道办: 40 },
  public_security: { 公安分局: 40, 应急管理局: 30, 住建局: 30 },
  other: { 街道办: 70, 市场监管局: 30 },
};

/** Who a street calls in when it blows the whistle (吹哨) on a problem the first department could not solve alone. */
export const ESCALATION_DEPARTMENTS: Readonly<Record<string, number>> = {
  城管执法局: 25,
  住建局: 20,
  公安分局: 15,
  市场监管局: 10,
  生态环境局: 10,
  应急管理局: 10,
  消防救援大队: 10,
};

/** Every department named above: who a duty officer can dispatch an alert to. */
export const DEPARTMENTS: readonly string[] = [
  ...new Set([...Object.values(DEPARTMENTS_BY_CATEGORY).flatMap((weights) => Object.keys(weights)), ...Object.keys(ESCALATION_DEPARTMENTS)]),
];
