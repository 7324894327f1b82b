import type { LayoutNotice, LayoutProblem } from '@grid-command/contracts';
import type { Lang } from '../../shared/config/wall-params';
import type { MessageParams } from '../../shared/i18n/messages';
import type { WallProblem } from './wall-problem';

/** The wall's own words for what went wrong with its layout or its address, and what to do about it. */
const ZH = {
  'layoutMissing.title': '未找到大屏布局',
  'layoutMissing.detail': '没有名为 "{layout}" 的布局，请检查地址中的 wall 参数（dashboards 目录下应有 {layout}.json）',
  'layoutInvalid.title': '大屏布局文件有误',
  'layoutInvalid.detail': '布局文件 {layout}.json 无法使用，请修正以下字段；修正后大屏自动恢复',
  'scopeInvalid.title': '区域写法有误',
  'scopeInvalid.detail': '区域 "{scope}" 的写法不对（应为 级别:代码，如 district:450103），请检查地址中的 scope 参数',
  'scopeUnknown.title': '未找到区域',
  'scopeUnknown.detail': '未找到区域 "{scope}"，请检查地址中的 scope 参数',
  'scopeForbidden.title': '无权查看此区域',
  'scopeForbidden.detail': '此大屏的凭证无权查看区域 "{scope}"，请检查地址中的 scope 参数，或请管理员发放该区域的大屏凭证',
  'unreachable.title': '大屏布局加载失败',
  'unreachable.detail': '无法连接服务器，请检查网络或服务器是否在运行',
  'server.title': '大屏布局加载失败',
  'server.detail': '服务器暂时无法提供大屏布局（HTTP {status}），请稍候或联系运维',
  'server.detailNoStatus': '服务器的回答无法使用，请稍候或联系运维',
  'notice.title': '布局文件 {file} 的修改无效，仍显示上一个有效版本',
  'notice.fix': '修正文件后大屏自动更新',
  'problem.line': '{field}：{text}',
  'problem.file': '文件',
} as const satisfies Record<string, string>;

export type WallProblemTextKey = keyof typeof ZH;

const EN: Readonly<Record<WallProblemTextKey, string>> = {
  'layoutMissing.title': 'Wall layout not found',
  'layoutMissing.detail': 'There is no layout named "{layout}": check the wall parameter in the address (dashboards should hold {layout}.json)',
  'layoutInvalid.title': 'The wall layout file is invalid',
  'layoutInvalid.detail': 'The layout file {layout}.json cannot be used: fix the fields below and the wall recovers by itself',
  'scopeInvalid.title': 'Malformed area',
  'scopeInvalid.detail': 'The area "{scope}" is not written as level:code (such as district:450103): check the scope parameter in the address',
  'scopeUnknown.title': 'Area not found',
  'scopeUnknown.detail': 'There is no area "{scope}": check the scope parameter in the address',
  'scopeForbidden.title': 'Area not permitted',
  'scopeForbidden.detail': "This wall's credential may not show the area \"{scope}\": check the scope parameter in the address, or ask an administrator for a wall credential of that area",
  'unreachable.title': 'The wall layout could not be loaded',
  'unreachable.detail': 'The server cannot be reached: check the network and that the server is running',
  'server.title': 'The wall layout could not be loaded',
  'server.detail': 'The server cannot provide the wall layout just now (HTTP {status}): wait a moment or call operations',
  'server.detailNoStatus': "The server's answer could not be used: wait a moment or call operations",
  'notice.title': 'The edit to {file} is invalid: still showing the last good version',
  'notice.fix': 'The wall updates by itself once the file is fixed',
  'problem.line': '{field}: {text}',
  'problem.file': 'file',
};

const CATALOGS: Readonly<Record<Lang, Readonly<Record<WallProblemTextKey, string>>>> = { zh: ZH, en: EN };

export function wallProblemText(lang: Lang, key: WallProblemTextKey, params: MessageParams = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

export function wallProblemPlaceholdersOf(lang: Lang, key: WallProblemTextKey): string[] {
  return [...CATALOGS[lang][key].matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

export const WALL_PROBLEM_TEXT_KEYS = Object.keys(ZH) as WallProblemTextKey[];

/** A problem worded for the wall: a heading, what to do, and the fields at fault of a layout file. */
export interface WallProblemWording {
  readonly title: string;
  readonly detail: string;
  readonly lines: readonly string[];
}

export function wordProblem(problem: WallProblem, lang: Lang): WallProblemWording {
  switch (problem.kind) {
    case 'layout-missing':
      return worded(lang, 'layoutMissing', { layout: problem.layout });
    case 'layout-invalid':
      return { ...worded(lang, 'layoutInvalid', { layout: problem.layout }), lines: problemLines(problem.problems, lang) };
    case 'scope-invalid':
      return worded(lang, 'scopeInvalid', { scope: problem.scope });
    case 'scope-unknown':
      return worded(lang, 'scopeUnknown', { scope: problem.scope });
    case 'scope-forbidden':
      return worded(lang, 'scopeForbidden', { scope: problem.scope });
    case 'unreachable':
      return worded(lang, 'unreachable', {});
    case 'server':
      return problem.status === null
        ? { title: wallProblemText(lang, 'server.title'), detail: wallProblemText(lang, 'server.detailNoStatus'), lines: [] }
        : worded(lang, 'server', { status: problem.status });
  }
}

/** The notice over a wall that keeps its last good layout: the file, what is wrong with it, and that fixing it is enough. */
export function wordNotice(notice: LayoutNotice, lang: Lang): WallProblemWording {
  return { title: wallProblemText(lang, 'notice.title', { file: notice.file }), detail: wallProblemText(lang, 'notice.fix'), lines: problemLines(notice.problems, lang) };
}

function worded(lang: Lang, prefix: 'layoutMissing' | 'layoutInvalid' | 'scopeInvalid' | 'scopeUnknown' | 'scopeForbidden' | 'unreachable' | 'server', params: MessageParams): WallProblemWording {
  return { title: wallProblemText(lang, `${prefix}.title`), detail: wallProblemText(lang, `${prefix}.detail`, params), lines: [] };
}

function problemLines(problems: readonly LayoutProblem[], lang: Lang): string[] {
  return problems.map((problem) => wallProblemText(lang, 'problem.line', { field: problem.field || wallProblemText(lang, 'problem.file'), text: problem[lang] }));
}
