/** Why a ticket is paused (挂起): the clock stops while the department waits on someone else. */
export const SUSPENSION_REASONS: readonly string[] = [
  '等待产权单位确认维修责任',
  '需协调施工队进场,等待排期',
  '当事人联系不上,待再次上门',
  '需专项资金审批',
  '等待鉴定机构出具报告',
  '恶劣天气暂停户外作业',
];

/** How a department closes a ticket (办结), as its handler writes it. */
export const RESOLUTION_NOTES: readonly string[] = ['已现场处置完毕', '已协调相关责任方整改', '已约谈当事人并完成整改', '已维修完成并复查'];
