import { cardImagesOf, getRepo, removeCardImages } from '../../lib/db';
import { t } from '../../lib/i18n';
import { useLive } from '../../lib/state/live';

/**
 * The scanned card image(s) kept on a customer, with a way to remove them. Nothing when there are none.
 * While the lock is locked the pixels are sealed (read back empty): a line says so instead.
 */
export function CardImages({ customerId }: { customerId: string }) {
  const repo = getRepo();
  const images = useLive(() => cardImagesOf(repo, customerId), [customerId]);
  const list = images.value.value ?? [];
  if (!list.length) return null;
  const shown = list.filter((im) => im.data);
  if (!shown.length) return <p class="card-images small" data-testid="card-images-locked">{t('scanImageLocked')}</p>;
  return (
    <section class="card-images" data-testid="card-images">
      {shown.map((im) => (
        <img key={im.id} src={`data:${im.mime};base64,${im.data}`} alt={t('scanImageAlt')} data-testid="card-image" style={{ maxWidth: '100%', borderRadius: '4px', border: '1px solid #ccc' }} />
      ))}
      <button type="button" class="link small" onClick={() => void removeCardImages(repo, customerId)}>{t('scanRemoveImage')}</button>
    </section>
  );
}
