import { createTopology, GraphParameterError, randomInt, type GraphGenerator, type RandomGenerator } from '@pg/graphs';

/** Options of {@link roomsGenerator}. */
export interface RoomsOptions {
  /** Rooms around the ring, ≥ 3. */
  rooms: number;
  /** Cells per room, ≥ 3; the cells of a room form a cycle. */
  roomSize: number;
}

/**
 * A world of rooms on a ring: each room is a cycle of `roomSize` cells, and
 * each room has one door to the next room around the ring, between cells
 * drawn at random. Every draw is connected, so no draw is wasted. Room `r`
 * holds cells `r · roomSize … (r + 1) · roomSize − 1`.
 *
 * @example
 * ```ts
 * const generator = roomsGenerator({ rooms: 4, roomSize: 4 }); // 16 cells, 20 edges
 * const dataset = createStandardDataset({ generator, numActions: 6 });
 * ```
 */
export function roomsGenerator(options: RoomsOptions): GraphGenerator {
  const { rooms, roomSize } = options;
  if (!Number.isInteger(rooms) || rooms < 3) throw new GraphParameterError('rooms', rooms, 'an integer ≥ 3');
  if (!Number.isInteger(roomSize) || roomSize < 3) throw new GraphParameterError('roomSize', roomSize, 'an integer ≥ 3');
  const cell = (room: number, index: number) => (room % rooms) * roomSize + index;
  return {
    name: 'rooms',
    numNodes: rooms * roomSize,
    generate(rng: RandomGenerator) {
      const pairs: Array<[number, number]> = [];
      for (let room = 0; room < rooms; room++) {
        for (let index = 0; index < roomSize; index++) pairs.push([cell(room, index), cell(room, (index + 1) % roomSize)]);
        pairs.push([cell(room, randomInt(rng, roomSize)), cell(room + 1, randomInt(rng, roomSize))]);
      }
      return createTopology(rooms * roomSize, pairs);
    },
    getConfig: () => ({ rooms, roomSize }),
  };
}
