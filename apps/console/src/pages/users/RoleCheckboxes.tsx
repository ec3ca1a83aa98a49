import { Checkbox, Space, Typography } from 'antd';
import { ROLE_LABELS, label } from '../../lib/labels';
import { levelsForRole } from './area-levels';

export interface RoleCheckboxesProps {
  id?: string;
  value?: string[];
  onChange?: (roles: string[]) => void;
  /** Roles that fit the chosen area's level; the others are shown disabled with the reason. */
  fitting: readonly string[];
  /** Roles that fit but may not be changed here, with the reason (e.g. the administrator's own ADMIN role). */
  locked?: Record<string, string>;
}

/**
 * The roles as checkboxes in a labelled group. A Form.Item control of its own, so that the item's aria attributes
 * (required, invalid) are not put on a plain div, where they are not allowed.
 */
export function RoleCheckboxes({ id, value, onChange, fitting, locked = {} }: RoleCheckboxesProps) {
  return (
    <div id={id} role="group" aria-label="角色">
      <Checkbox.Group value={value} onChange={(v) => onChange?.(v.map(String))}>
        <Space direction="vertical">
          {Object.keys(ROLE_LABELS).map((role) => {
            const fits = fitting.includes(role);
            const reason = !fits
              ? fitting.length > 0
                ? `须绑定${levelsForRole(role)}区域`
                : null
              : (locked[role] ?? null);
            return (
              <span key={role}>
                <Checkbox value={role} disabled={!fits || role in locked}>
                  {label(ROLE_LABELS, role)}
                </Checkbox>
                {reason ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    （{reason}）
                  </Typography.Text>
                ) : null}
              </span>
            );
          })}
        </Space>
      </Checkbox.Group>
    </div>
  );
}
