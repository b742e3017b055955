import { CANONICAL_KEYS, REQUIRED_COLUMNS, type CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import { t } from '../i18n/translate.ts';
import { fieldLabelKey } from '../single/form-layout.ts';

export interface MappingPreviewProps {
  columns: readonly string[];
  keys: readonly (CanonicalKey | null)[];
  /** The first data row, to show what each column holds. */
  sample: readonly string[] | undefined;
  onChange: (keys: (CanonicalKey | null)[]) => void;
}

/** Which canonical field each CSV column feeds; every mapping can be changed with its select. */
export function MappingPreview({ columns, keys, sample, onChange }: MappingPreviewProps) {
  const missing = REQUIRED_COLUMNS.filter((key) => !keys.includes(key));

  function change(index: number, value: string) {
    const key = value === '' ? null : (value as CanonicalKey);
    // One column per key: choosing a key elsewhere frees it from the column that had it.
    const next = keys.map((old, i) => (i === index ? key : old === key ? null : old));
    onChange(next);
  }

  return (
    <section aria-labelledby="mapping-heading" class="stack-tight">
      <h3 id="mapping-heading">{t('mappingHeading')}</h3>
      <div class="table-scroll">
        <table class="mapping-table" aria-labelledby="mapping-heading">
          <thead>
            <tr><th scope="col">{t('csvColumn')}</th><th scope="col">{t('mapsTo')}</th></tr>
          </thead>
          <tbody>
            {columns.map((column, index) => {
              const selectId = `map-column-${index}`;
              return (
                <tr key={index}>
                  <th scope="row">
                    <label for={selectId} class="column-name">{column || t('emptyHeader', index + 1)}</label>
                    {sample?.[index] && <span class="sample">{sample[index]}</span>}
                  </th>
                  <td>
                    <select id={selectId} value={keys[index] ?? ''} onChange={(e) => change(index, e.currentTarget.value)}>
                      <option value="">{t('notImported')}</option>
                      {CANONICAL_KEYS.map((key) => (
                        <option key={key} value={key} title={key}>{t(fieldLabelKey(key))}</option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {missing.length > 0 && (
        <p class="notice error" role="alert">{t('missingRequiredColumns', missing.map((key) => t(fieldLabelKey(key))).join(', '))}</p>
      )}
    </section>
  );
}
