import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Table, Typography } from 'antd';
import { api, describeError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { chinaDateTime } from '../../lib/dates';

type Anchor = components['schemas']['AuditAnchorDto'];

/**
 * The audit anchors (SPEC 8): signed heads of each chain, taken by the worker on a schedule and on demand here. An
 * anchor fixes a chain's head under the platform's Ed25519 key, so rewriting a whole chain no longer goes unnoticed
 * (the chain check reports the first anchor that no longer matches). Auditors only, like the API.
 */
export function AuditAnchors() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const anchors = useQuery({
    queryKey: ['audit-anchors'],
    queryFn: () => unwrap(api.GET('/api/v1/audit/anchors', { params: { query: {} } })),
  });
  const take = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/audit/anchors')),
    onSuccess: async (result) => {
      void message.success(`已签署 ${result.anchors.length} 条审计链的锚点`);
      await queryClient.invalidateQueries({ queryKey: ['audit-anchors'] });
    },
  });
  const items = [...(anchors.data?.items ?? [])].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <Card
      size="small"
      title="审计锚点"
      style={{ marginTop: 16 }}
      extra={
        <Button onClick={() => take.mutate()} loading={take.isPending}>
          立即签署锚点
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        锚点是平台密钥对各审计链链头的电子签名（定时自动签署）。校验审计链时与锚点比对，可发现整条链被改写。
      </Typography.Paragraph>
      {anchors.isError ? <Alert type="error" showIcon title={describeError(anchors.error)} /> : null}
      {take.isError ? <Alert type="error" showIcon title={describeError(take.error)} /> : null}
      <Table<Anchor>
        rowKey={(a) => `${a.chain}-${a.seq}-${a.at}`}
        size="small"
        loading={anchors.isLoading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '尚无锚点' }}
        columns={[
          { title: '签署时间', dataIndex: 'at', render: (at: string) => chinaDateTime(at) },
          { title: '审计链', dataIndex: 'chain' },
          { title: '链头序号', dataIndex: 'seq', align: 'right' },
          {
            title: '链头哈希',
            dataIndex: 'hash',
            render: (h: string) => (
              <Typography.Text code copyable={{ text: h }}>
                {`${h.slice(0, 12)}…`}
              </Typography.Text>
            ),
          },
          { title: '签名密钥', dataIndex: 'keyId', render: (k: string) => `${k.slice(0, 12)}…` },
        ]}
      />
    </Card>
  );
}
