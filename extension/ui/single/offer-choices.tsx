import { t } from '../i18n/translate.ts';
import { chooseOffer, resolveOfferIds } from './resolve-offer-ids.ts';

/**
 * Under the offers field: what each short id copied from the wizard resolved to, and for a short
 * id that names several catalog items, one button per item to choose it (the text is rewritten
 * with the full id, the quantity kept).
 */
export function OfferChoices({ offers, onChange }: { offers: string; onChange: (next: string) => void }) {
  const resolution = resolveOfferIds(offers);
  if (resolution.resolved.length === 0 && resolution.questions.length === 0) return null;
  return (
    <div class="stack-tight offer-choices">
      {resolution.resolved.length > 0 && (
        <ul class="hint resolved-offers" aria-label={t('offersResolvedLabel')}>
          {resolution.resolved.map((item) => (
            <li key={item.typed}>{t('offerResolvedTo', item.typed, item.name, item.id)}</li>
          ))}
        </ul>
      )}
      {resolution.questions.map((question) => (
        <div role="group" key={question.index} aria-label={t('chooseOfferFor', question.typed)} class="stack-tight">
          <span>{t('chooseOfferFor', question.typed)}</span>
          <div class="actions">
            {question.candidates.map((candidate) => (
              <button type="button" key={candidate.id} onClick={() => onChange(chooseOffer(offers, question.index, candidate.id))}>
                {candidate.name} ({candidate.id})
              </button>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
