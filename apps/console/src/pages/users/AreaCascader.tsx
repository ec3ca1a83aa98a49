import { Cascader } from 'antd';
import type { CascaderProps } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';

interface AreaNode {
  value: string;
  label: string;
  isLeaf?: boolean;
  children?: AreaNode[];
}

function loadArea(code: string) {
  return unwrap(api.GET('/api/v1/areas/{code}', { params: { path: { code } } }));
}

function toNode(a: { code: string; name: string; level: string }): AreaNode {
  // Users are bound to a city, a county or a township: the tree stops at townships.
  return { value: a.code, label: a.name, isLeaf: a.level === 'TOWNSHIP' };
}

export interface AreaCascaderProps {
  id?: string;
  rootCode: string;
  /** The chosen area's code (the last of the path). */
  value?: string;
  onChange?: (code: string | undefined) => void;
}

/** Picks an area under the administrator's own (a city, one of its counties, or a township) without typing codes. */
export function AreaCascader({ id, rootCode, value, onChange }: AreaCascaderProps) {
  const [options, setOptions] = useState<AreaNode[]>([]);
  const [path, setPath] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    void loadArea(rootCode).then((root) => {
      if (live) setOptions([{ value: root.code, label: root.name, children: root.children.map(toNode) }]);
    });
    return () => {
      live = false;
    };
  }, [rootCode]);

  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);

  const loadData: CascaderProps<AreaNode>['loadData'] = (selected) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    void loadArea(target.value).then((area) => {
      target.children = area.children.map(toNode);
      setOptions((o) => [...o]);
    });
  };

  return (
    <Cascader<AreaNode>
      id={id}
      style={{ width: '100%' }}
      options={options}
      loadData={loadData}
      changeOnSelect
      value={path}
      placeholder="选择市、县（区）或乡镇（街道）"
      showSearch={false}
      onChange={(selected) => {
        const codes = (selected ?? []).map(String);
        setPath(codes);
        onChange?.(codes[codes.length - 1]);
      }}
    />
  );
}
