import { describe, expect, it } from '@jest/globals';
import { ALERT_RULE_KIND_LABELS, ALERT_RULE_KINDS, ALERT_SEVERITIES, ALERT_SEVERITY_LABELS, ALERT_SEVERITY_REPORT_LEVEL, } from './alert-rules.schema';
import { SEVERITIES, SEVERITY_LABELS } from './categories';

const LANGS = ['zh', 'en'] as const;

/** Every occurrence of a word of the one severity scale in `text` ("Critical Critical report" has two). */
function severityWordsIn(text: string, lang: (typeof LANGS)[number]): string[] {
  return SEVERITIES.map((level) => SEVERITY_LABELS[level][lang]).flatMap((word) => text.match(new RegExp(lang === 'zh' ? word : `\\b${word}\\b`, 'gi')) ?? []);
}

describe('one severity vocabulary for reports and alerts', () => {
  it('words each alert severity as the report level it stands for', () => {
    for (const severity of ALERT_SEVERITIES) {
      for (const lang of LANGS) expect(ALERT_SEVERITY_LABELS[severity][lang]).toBe(SEVERITY_LABELS[ALERT_SEVERITY_REPORT_LEVEL[severity]][lang]);
    }
    expect(ALERT_SEVERITY_LABELS.critical).toEqual({ zh: '特急', en: 'Critical' });
  });

  it('keeps the order of the report scale: a more urgent alert sits higher on it', () => {
    const levels = ALERT_SEVERITIES.map((severity) => ALERT_SEVERITY_REPORT_LEVEL[severity]);
    expect([...levels].sort((a, b) => b - a)).toEqual(levels);
    expect(new Set(levels).size).toBe(levels.length);
  });

  it.each(ALERT_SEVERITIES.flatMap((severity) => ALERT_RULE_KINDS.flatMap((kind) => LANGS.map((lang) => [severity, kind, lang] as const))))(
    'a %s %s alert reads its severity once, in %s',
    (severity, kind, lang) => {
      // As the console's list and detail show it: the severity tag, then the kind's (or rule's) name.
      const headline = `${ALERT_SEVERITY_LABELS[severity][lang]} ${ALERT_RULE_KIND_LABELS[kind][lang]}`;
      expect(severityWordsIn(headline, lang)).toEqual([ALERT_SEVERITY_LABELS[severity][lang]]);
    },
  );
});
