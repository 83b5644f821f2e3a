import { Router } from 'express';
import { sendRequestSchema, type SendRequest } from '../../../shared/api.ts';
import { sessionOf } from '../../http/security.ts';
import { parsedBody, validateBody } from '../../http/validate.ts';
import type { SendRateLimiter } from './send-rate-limit.ts';
import type { SendService } from './send-service.ts';

export function sendRoutes(service: SendService, rateLimiter: SendRateLimiter): Router {
  const router = Router();

  router.post('/', validateBody(sendRequestSchema), async (_req, res) => {
    const input = parsedBody<SendRequest>(res);
    const { workspaceId } = sessionOf(res);

    rateLimiter.take(workspaceId);
    const result = await service.send(workspaceId, input);

    res.json(result);
  });

  return router;
}
