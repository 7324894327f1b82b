import type { z } from 'zod';
import { WALL_CANVASES, type LayoutProblem } from './dashboard.schema';
import { issueField } from './zod-issues';

/** At most this many problems travel to a wall: the first few say enough to find the mistake. */
export const MAX_LAYOUT_PROBLEMS = 5;

/** A layout file that is not JSON at all: the parser's own words, with the field left empty. */
export function unreadableLayoutProblem(reason: string): LayoutProblem {
  return { field: '', zh: `不是有效的 JSON（${reason}）`, en: `not valid JSON (${reason})` };
}

/** The zod issues of a layout as a wall reads them: the field, what is wrong in Chinese and in zod's English. */
export function layoutProblemsOf(error: z.ZodError): LayoutProblem[] {
  return error.issues.slice(0, MAX_LAYOUT_PROBLEMS).map((issue) => ({ field: issueField(issue), zh: inChinese(issue), en: issue.message }));
}

function inChinese(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod keeps no input in the issue; its message says whether there was one.
      return issue.message.endsWith('received undefined') ? '缺少此字段' : `类型不对，应为 ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `至少需要 ${String(issue.minimum)} 项` : issue.origin === 'string' ? `至少 ${String(issue.minimum)} 个字符` : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `最多 ${String(issue.maximum)} 项` : issue.origin === 'string' ? `最多 ${String(issue.maximum)} 个字符` : `不能大于 ${String(issue.maximum)}`;
    case 'invalid_format':
      return '格式不对';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return '不认识的字段';
    case 'invalid_value':
      return `取值无效，可选：${issue.values.map((value) => String(value)).join('、')}`;
    case 'invalid_union':
      if (issue.discriminator === 'type') return '不认识的面板类型';
      if (issue.path.length === 1 && issue.path[0] === 'canvas') return `应为 ${Object.keys(WALL_CANVASES).join('、')} 之一，或 {"width", "height"}`;
      return '取值无效';
    case 'invalid_key':
    case 'invalid_element':
      return '取值无效';
    case 'custom': {
      const zh: unknown = issue.params?.['zh'];
      return typeof zh === 'string' ? zh : issue.message;
    }
  }
}
