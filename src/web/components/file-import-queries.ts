import { useMutation } from '@tanstack/react-query';

/** Downloads an import's template file (the caller's endpoint); its pending state shows on the link. */
export function useTemplateDownload(download: () => Promise<void>) {
  return useMutation({ mutationFn: () => download() });
}
