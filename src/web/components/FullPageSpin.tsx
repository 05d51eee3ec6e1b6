import { Spin } from 'antd';

/** Centered spinner for a whole page or a content area while a chunk or the session loads. */
export default function FullPageSpin({ area = false }: { area?: boolean }) {
  return (
    <div
      data-testid="page-loading"
      style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: area ? 240 : '100vh' }}
    >
      <Spin size="large" />
    </div>
  );
}
