import createClient, { type Middleware } from 'openapi-fetch';
import { session } from '../auth/session';
import type { paths } from './schema';

/** The platform's error body (SPEC 10). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
  correlationId?: string;
}

/** A failed API call, with the status and the platform's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
  get code(): string {
    return this.body.code;
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token;
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A 401 anywhere but the login itself means the session is gone (expired, revoked, logged out elsewhere).
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/login'))
      session.end('expired');
    return response;
  },
};

/** The typed client over the API's own OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** Unwraps an openapi-fetch result: the data, or an ApiError with the platform's error body. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  throw toApiError(response.status, error);
}

export function toApiError(status: number, error: unknown): ApiError {
  const body =
    error && typeof error === 'object' && 'code' in error
      ? (error as ApiErrorBody)
      : {
          statusCode: status,
          code: status === 0 ? 'NETWORK' : 'HTTP_' + status,
          message: typeof error === 'string' ? error : '',
        };
  return new ApiError(status, body);
}

/** A Chinese sentence for an error the page has no better words for. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 400:
        return '提交的内容有误，请按提示修改';
      case 401:
        return '登录已失效，请重新登录';
      case 403:
        return error.code === 'SEPARATION_OF_DUTIES'
          ? '职责分离：您已参与此申请的前一环节，不能进行此操作'
          : '您的角色无权进行此操作';
      case 404:
        return '未找到，或不在您的辖区范围内';
      case 409:
        return '数据已被他人修改或状态已变化，请刷新后重试';
      case 413:
        return '提交的内容过大';
      case 429:
        return '操作过于频繁，请稍后再试';
      default:
        return error.status >= 500 ? '服务器暂时无法处理，请稍后重试' : `请求失败（${error.status}）`;
    }
  }
  if (error instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  return '发生错误，请稍后重试';
}
