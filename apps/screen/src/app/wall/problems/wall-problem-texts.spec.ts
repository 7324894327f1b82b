import { describe, expect, it } from '@jest/globals';
import { WALL_PROBLEM_TEXT_KEYS, wallProblemPlaceholdersOf, wallProblemText, wordNotice, wordProblem } from './wall-problem-texts';

describe('the wall problem texts', () => {
  it('says every text in both languages with the same parameters', () => {
    for (const key of WALL_PROBLEM_TEXT_KEYS) {
      expect(wallProblemText('en', key)).not.toBe('');
      expect([key, wallProblemPlaceholdersOf('en', key)]).toEqual([key, wallProblemPlaceholdersOf('zh', key)]);
    }
  });

  it('explains an unknown scope in Chinese and says where to look', () => {
    expect(wordProblem({ kind: 'scope-unknown', scope: 'street:450103999' }, 'zh')).toEqual({
      title: '未找到区域',
      detail: '未找到区域 "street:450103999"，请检查地址中的 scope 参数',
      lines: [],
    });
  });

  it('lists the fields of an invalid layout in the wall language', () => {
    const problems = [
      { field: 'grid.columns', zh: '不能大于 48', en: 'Too big: expected number to be <=48' },
      { field: '', zh: '不是有效的 JSON（Unexpected end）', en: 'not valid JSON (Unexpected end)' },
    ];
    expect(wordProblem({ kind: 'layout-invalid', layout: 'leader-wall', problems }, 'zh').lines).toEqual(['grid.columns：不能大于 48', '文件：不是有效的 JSON（Unexpected end）']);
    expect(wordProblem({ kind: 'layout-invalid', layout: 'leader-wall', problems }, 'en').lines).toEqual(['grid.columns: Too big: expected number to be <=48', 'file: not valid JSON (Unexpected end)']);
  });

  it('words the notice of a held-back edit with the file, the fields and what to do', () => {
    const notice = { file: 'leader-wall.json', since: '2026-12-01T08:00:00.000Z', problems: [{ field: 'panels[2].w', zh: '不能小于 1', en: 'Too small' }] };
    expect(wordNotice(notice, 'zh')).toEqual({
      title: '布局文件 leader-wall.json 的修改无效，仍显示上一个有效版本',
      detail: '修正文件后大屏自动更新',
      lines: ['panels[2].w：不能小于 1'],
    });
  });
});
