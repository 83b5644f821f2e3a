import { Router } from 'express';
import { sendRequestSchema, type SendRequest } from '../../../shared/api.ts';
import { sessionOf } from '../../http/security.ts';
import { parsedBody, validateBody } from '../../http/validate.ts';
import type { HistoryRecorder } from '../history/recorder.ts';
import type { SendRateLimiter } from './send-rate-limit.ts';
import type { SendService } from './send-service.ts';

export function sendRoutes(service: SendService, rateLimiter: SendRateLimiter, history: HistoryRecorder): Router {
  const router = Router();

  router.post('/', validateBody(sendRequestSchema), async (_req, res) => {
    const input = parsedBody<SendRequest>(res);
    const { workspaceId } = sessionOf(res);

    rateLimiter.take(workspaceId);
    const result = await history.record(workspaceId, input, () => service.send(workspaceId, input));

    res.json(result);
  });

  return router;
}
