import { useNavigate } from 'react-router';
import { useOpenDemo } from './auth-queries.ts';

/** Opens the demo (signed in as the demo company's admin) and goes to its workspace. */
export function useEnterDemo() {
  const navigate = useNavigate();
  const open = useOpenDemo();
  return {
    error: open.error,
    isPending: open.isPending,
    mutate: () =>
      open.mutate(undefined, {
        onSuccess: (me) => {
          const demo = me.workspaces.find((w) => w.isDemo) ?? me.workspaces[0];
          navigate(demo ? `/w/${demo.slug}/home` : '/', { replace: true });
        },
      }),
  };
}
