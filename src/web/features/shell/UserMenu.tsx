import { LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../api.ts';
import { brand, space } from '../../theme.ts';
import { useLogout } from '../auth/auth-queries.ts';

/** Avatar with the account settings and sign-out. */
export default function UserMenu({ me, compact = false }: { me: Me; compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const items: MenuProps['items'] = [
    { key: 'who', disabled: true, label: <span>{me.user.email}</span> },
    { type: 'divider' },
    { key: 'account', icon: <SettingOutlined />, label: <span data-testid="menu-account">{t('header.accountSettings')}</span> },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-signout">{t('header.signOut')}</span> },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') navigate('/account');
    if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" loading={logout.isPending} style={{ paddingInline: space.xs }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: brand.primary }} />
        {!compact && <span>{me.user.name}</span>}
      </Button>
    </Dropdown>
  );
}
