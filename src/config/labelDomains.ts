/**
 * The codes each domain of `labels.csv` must give a label: every code the database stores or a view
 * outputs in that domain (src/sql/labels.test.ts checks them against what the views really output).
 * The words themselves are data; only the codes are here. unit_kind's codes are the kinds in org/,
 * period's the periods of vocab/periods.csv.
 */
export const ojAnswerCodes = ['ja', 'nej', 'delvis', 'pagar', 'ej_aktuellt', 'ej_svar'] as const;
export const selfStatusCodes = ['uppfyllt', 'delvis', 'ej_uppfyllt', 'ej_aktuellt', 'ej_svar'] as const;
export const attainmentCodes = ['helt', 'delvis', 'ej'] as const;
export const actionStatusCodes = ['planerad', 'pagar', 'klar'] as const;

/** Codes that come from the configuration itself rather than from code. */
export type ConfiguredCodes = 'org_unit_kinds' | 'config_periods';

export const labelDomains: Record<string, readonly string[] | ConfiguredCodes> = {
  answer: ojAnswerCodes,
  status: selfStatusCodes,
  basis: ['oj', 'self', 'combined'],
  gap: ['ny', 'kvarstaende', 'atgardad'],
  attainment: attainmentCodes,
  source_kind: ['oj_workbook', 'oj_csv', 'self_assessment', 'kolada', 'unit_judgement', 'action_plan'],
  unit_kind: 'org_unit_kinds',
  unit_group: ['namnd', 'bolag'],
  measure: ['bedomning', 'beraknad'],
  position: ['over', 'lika', 'under'],
  finding: ['sjalv_uppfyllt_oj_nej', 'sjalv_ej_uppfyllt_oj_ja', 'bedomning_hogre', 'bedomning_lagre'],
  period: 'config_periods',
  comparison_role: ['kommun', 'stadsdelsnamnder', 'jamforelse'],
  comparison_unit: ['stadsdelsnamnder', 'kommuner', 'kommun'],
  source_check: ['agree', 'differs', 'only_workbook', 'only_kolada'],
  difference: ['samma', 'bedomning_hogre', 'bedomning_lagre'],
  not_comparable: ['inget_foregaende', 'ny_oj_serie', 'andrade_fragor', 'nytt_program', 'andrat_underlag'],
  not_graded: ['inget_program', 'inga_uppgifter', 'inget_mal'],
  oj_role: ['egen', 'ansvarar', 'annan_ansvarar'],
  config_example: ['bolag', 'namnd', 'krav', 'tillampning', 'ansvar', 'mal', 'program'],
  due_status: ['i_tid', 'sent', 'passerad', 'kommande'],
  action_status: actionStatusCodes,
};
