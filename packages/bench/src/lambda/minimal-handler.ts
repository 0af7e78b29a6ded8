/**
 * The yardstick for the real Lambda: the least a GraphQL-on-DynamoDB Lambda can be (graphql-yoga, one
 * query, one GetItem through the document client, the same API Gateway adapter), bundled with the same
 * options as the real one. The bench compares their sizes and cold starts.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createSchema, createYoga } from 'graphql-yoga';

const endpoint = process.env.KKMP_DYNAMODB_ENDPOINT;
const doc = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: process.env.AWS_REGION ?? 'ap-southeast-3', ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}) }),
);

const yoga = createYoga({
  graphqlEndpoint: '/graphql',
  schema: createSchema({
    typeDefs: 'type Query { item(pk: String!, sk: String!): String }',
    resolvers: {
      Query: {
        item: async (_: unknown, key: { pk: string; sk: string }) => {
          const res = await doc.send(new GetCommand({ TableName: process.env.KKMP_TABLE_NAME, Key: key }));
          return res.Item ? JSON.stringify(res.Item) : null;
        },
      },
    },
  }),
});

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const url = `https://${event.requestContext.domainName}${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`;
  const method = event.requestContext.http.method;
  const body = event.body === undefined || method === 'GET' ? undefined : event.isBase64Encoded ? Buffer.from(event.body, 'base64') : event.body;
  const response = await yoga.fetch(url, { method, headers: new Headers(event.headers as Record<string, string>), ...(body !== undefined ? { body } : {}) });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { statusCode: response.status, headers, body: await response.text(), isBase64Encoded: false };
}
