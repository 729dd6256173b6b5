import type { NetworkState } from '@pg/models';
import type { Trainer } from './trainer.js';

/** The numbers recorded for one epoch. */
export interface EpochRecord {
  /** 1-based. */
  readonly epoch: number;
  /** Mean cross-entropy over the epoch's training steps. */
  readonly trainLoss: number;
  /** Share of the epoch's training steps predicted right. */
  readonly trainAccuracy: number;
  /** `null` without a validation split. */
  readonly valLoss: number | null;
  /** Share of validation steps predicted right; `null` without a validation split. */
  readonly valAccuracy: number | null;
  /** The learning rate used during the epoch. */
  readonly learningRate: number;
  /** Mean global gradient norm over the epoch's batches, before any clipping. */
  readonly gradNorm: number;
  /** Wall-clock seconds of the epoch. */
  readonly seconds: number;
}

/** What a batch callback is told. */
export interface BatchInfo {
  /** 1-based epoch. */
  readonly epoch: number;
  /** 0-based index of the batch in its epoch. */
  readonly batch: number;
  /** Batches in the epoch. */
  readonly numBatches: number;
  /** The batch's mean loss (after the step: `onBatchEnd` only). */
  readonly loss?: number;
}

/**
 * Hooks into training: log, checkpoint, stop early ({@link Trainer.stop}).
 * Each may be async; the trainer waits for it.
 *
 * @example
 * ```ts
 * const stopWhenPerfect: TrainerCallbacks = {
 *   onEpochEnd: (record, trainer) => { if (record.valAccuracy === 1) trainer.stop(); },
 * };
 * ```
 */
export interface TrainerCallbacks<S extends NetworkState = NetworkState> {
  /** Once when {@link Trainer.fit} starts, after any restore: `trainer.completedEpochs` epochs are already done. */
  onTrainStart?(trainer: Trainer<S>): void | Promise<void>;
  /** Before the first batch of an epoch (`epoch` is 1-based). */
  onEpochStart?(epoch: number, trainer: Trainer<S>): void | Promise<void>;
  /** After an epoch and its validation. */
  onEpochEnd?(record: EpochRecord, trainer: Trainer<S>): void | Promise<void>;
  /** Before each training step. */
  onBatchStart?(info: BatchInfo, trainer: Trainer<S>): void | Promise<void>;
  /** After each training step, with its loss. */
  onBatchEnd?(info: BatchInfo, trainer: Trainer<S>): void | Promise<void>;
}
