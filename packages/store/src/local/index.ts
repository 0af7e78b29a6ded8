export { startDynamoDbLocal, freePort, type DynamoDbLocal, type DynamoDbLocalOptions } from './dynamodb-local';
