import { blankFields, type CatalogueFields } from '../../shared/domain/catalogue.js';

/** Catalogue fields of a realistic county-level notice, with overrides. */
export function fields(overrides: Partial<CatalogueFields> = {}): CatalogueFields {
  return {
    ...blankFields('雷州市人民政府办公室', '2026-02-27'),
    title: '雷州市人民政府办公室关于做好2026年春耕生产工作的通知',
    summary: '部署春耕备耕、农资保障和农田水利工作。',
    topic: '农业、林业、水利',
    publisher: '雷州市人民政府办公室',
    draftingUnit: '雷州市农业农村局',
    writtenDate: '2026-02-27',
    publishDate: null,
    publishDateReason: '',
    documentNumber: '雷府办〔2026〕3号',
    disclosure: 'proactive',
    disclosureArticle: null,
    disclosureReason: '',
    validity: 'valid',
    repealedDate: null,
    normative: false,
    keywords: '春耕',
    sourceLevel: 'local',
    ...overrides,
  };
}
