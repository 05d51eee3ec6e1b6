import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { signedIn } from './session.ts';

/** POST /demo/open signs in as the demo company's admin and opens its workspace. */
export function useOpenDemo() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: api.setup.openDemo,
    onSuccess: (me) => {
      signedIn(queryClient, me);
      const demo = me.workspaces.find((w) => w.isDemo) ?? me.workspaces[0];
      navigate(demo ? `/w/${demo.slug}/home` : '/', { replace: true });
    },
  });
}
