import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/translate.ts';

/**
 * A component whose code is loaded the first time it is shown: tabs a person may never open
 * (bulk import, history, options) stay out of the bundle the side panel starts with.
 *
 * @example const BulkTab = lazyComponent(() => import('./bulk/bulk-import-tab.tsx').then((m) => m.BulkImportTab));
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  return function LazyComponent(props: Props) {
    const [component, setComponent] = useState<ComponentType<Props> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return undefined;
      let live = true;
      loading ??= load().then((value) => (loaded = value));
      loading.then(
        (value) => live && setComponent(() => value),
        () => {
          loading = undefined;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (failed) return <p class="notice error" role="alert">{t('tabLoadFailed')}</p>;
    if (!component) return <p role="status">{t('loading')}</p>;
    const Loaded = component;
    return <Loaded {...props} />;
  };
}
