import { describe, expect, it } from '@jest/globals';
import { MASKS, maskPersonalData } from './personal-data';

describe('maskPersonalData', () => {
  it.each([
    ['13812345678', `${MASKS.phone}`],
    ['居民电话 19987654321，请回电', `居民电话 ${MASKS.phone}，请回电`],
    ['+86 138 1234 5678', MASKS.phone],
    ['8613812345678', MASKS.phone],
    ['138-1234-5678', MASKS.phone],
  ])('masks the mainland mobile in %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    ['物业电话0771-5551234', `物业电话${MASKS.phone}`],
    ['(0771)5551234', MASKS.phone],
    ['（010）12345678', MASKS.phone],
    ['010 12345678', MASKS.phone],
    ['联系电话：5551234', `联系电话：${MASKS.phone}`],
  ])('masks the landline in %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    ['身份证450103199001011234', `身份证${MASKS.idNumber}`],
    ['证件号 45010319900101123X 已核实', `证件号 ${MASKS.idNumber} 已核实`],
    ['45010319900101123x', MASKS.idNumber],
  ])('masks the 身份证 number in %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    ['民族大道12号门口积水', `民族大道${MASKS.houseNumber}门口积水`],
    ['3栋2单元401漏水', `${MASKS.houseNumber}漏水`],
    ['5号楼1单元楼道堆物', `${MASKS.houseNumber}楼道堆物`],
    ['2幢301室噪音', `${MASKS.houseNumber}噪音`],
    ['楼上401室半夜装修', `楼上${MASKS.houseNumber}半夜装修`],
    ['1202房漏水', `${MASKS.houseNumber}漏水`],
    ['2单元门禁坏了', `${MASKS.houseNumber}门禁坏了`],
  ])('masks the house number in %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('masks every item of a text that holds several', () => {
    expect(maskPersonalData('张先生（13812345678）反映3栋2单元401楼上漏水，身份证450103199001011234')).toBe(
      `张先生（${MASKS.phone}）反映${MASKS.houseNumber}楼上漏水，身份证${MASKS.idNumber}`,
    );
  });

  it.each([
    '12月3号晚上10:30起持续噪音',
    '本月20号已报过一次',
    '2026-12-01 08:15 巡查发现',
    '20261201 批次',
    '3人受伤，2辆车受损，约300米路段积水',
    '地铁3号线出口',
    '第5网格共12户受影响',
    '巡查发现问题 #1024',
    '持续45分钟，约120分贝',
  ])('leaves %s as it is', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });
});
