import { Button, Flex } from "antd";

/**
 * "Xem thêm": reads the next page of a list paginated by key (a province lists hundreds of units
 * or accounts a page at a time); nothing when the list is complete.
 */
export function LoadMore({ q }: { q: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  if (!q.hasNextPage) return null;
  return (
    <Flex justify="center" style={{ marginTop: 12 }}>
      <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
        Xem thêm
      </Button>
    </Flex>
  );
}
