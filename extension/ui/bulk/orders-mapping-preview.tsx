import type { OrderKey } from '../../../shared/orders/order-header.ts';
import { t } from '../i18n/translate.ts';

export interface OrdersMappingPreviewProps {
  columns: readonly string[];
  keys: readonly (OrderKey | null)[];
  /** The first data row, to show what each column holds. */
  sample: readonly string[] | undefined;
}

/**
 * What each column of an orders file is read as (docs/contracts/csv.md §6). The orders reader
 * knows its columns by name only, so the mapping is shown, not chosen: a column it does not know
 * is carried into the results file as it is.
 */
export function OrdersMappingPreview({ columns, keys, sample }: OrdersMappingPreviewProps) {
  return (
    <section aria-labelledby="orders-mapping-heading" class="stack-tight">
      <h3 id="orders-mapping-heading">{t('ordersFileHeading')}</h3>
      <p class="hint">{t('ordersFileExplained')}</p>
      <div class="table-scroll">
        <table class="mapping-table" aria-labelledby="orders-mapping-heading">
          <thead>
            <tr><th scope="col">{t('csvColumn')}</th><th scope="col">{t('mapsTo')}</th></tr>
          </thead>
          <tbody>
            {columns.map((column, index) => {
              const key = keys[index];
              return (
                <tr key={index} data-key={key ?? ''}>
                  <th scope="row">
                    <span class="column-name">{column || t('emptyHeader', index + 1)}</span>
                    {sample?.[index] && <span class="sample">{sample[index]}</span>}
                  </th>
                  <td>{key ? t(`orderField_${key}`) : t('notImported')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
