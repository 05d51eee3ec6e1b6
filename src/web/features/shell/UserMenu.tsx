import { LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type Me } from '../../api.ts';
import { signedOut } from '../auth/session.ts';
import { brand } from '../../theme.ts';

/** Avatar with the account settings and sign-out. */
export default function UserMenu({ me, compact = false }: { me: Me; compact?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: api.auth.logout,
    onSettled: () => {
      // even if the server call failed, this browser forgets the session
      signedOut(queryClient);
      navigate('/login', { replace: true });
    },
  });
  const items: MenuProps['items'] = [
    { key: 'who', disabled: true, label: <span>{me.user.email}</span> },
    { type: 'divider' },
    { key: 'account', icon: <SettingOutlined />, label: <span data-testid="menu-account">{t('header.accountSettings')}</span> },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-signout">{t('header.signOut')}</span> },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') navigate('/account');
    if (key === 'logout') logout.mutate();
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" loading={logout.isPending} style={{ paddingInline: 6 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: brand.primary }} />
        {!compact && <span>{me.user.name}</span>}
      </Button>
    </Dropdown>
  );
}
