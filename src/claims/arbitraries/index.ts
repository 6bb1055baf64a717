/**
 * Shared fast-check arbitraries (the `claimcheck/arbitraries` entry point): seeds, scalars,
 * arrays, sizes, datasets, labels, feature maps (architectures), residual points and instances.
 * Every value is plain JSON (finite numbers, arrays, objects, strings, null), so a counterexample
 * serialises and replays exactly; feature maps are MlpSpec weights evaluated at check time with
 * mlpForward.
 */
export { datasetArb, datasetShapeArb, datasetFromShapeArb, inputsArb, INPUT_KINDS } from './dataset.js';
export type { Dataset, DatasetShape, DatasetOptions, InputKind } from './dataset.js';
export { labelRowArb, labelSharedArb, buildLabel, LABEL_KINDS } from './labels.js';
export type { LabelKind, LabelShared } from './labels.js';
export {
  featureMapArb,
  featureShapeArb,
  featureShapeWithin,
  capK,
  featureMaterialArb,
  buildFeatureMap,
  FEATURE_KINDS,
  ACTIVATION_ORDER,
} from './featureMap.js';
export type { FeatureMapCase, FeatureMapOptions, FeatureKind, FeatureShape, FeatureMaterial } from './featureMap.js';
export { residualPointArb, pointMaterialArb, buildPoint, finishPoint, farW } from './residualPoint.js';
export type { ResidualPoint, PointContext, PointMaterial, ResidualPointOptions } from './residualPoint.js';
export { residualInstanceArb, vanishesAtZeroLabel, THM2_MAX_DK } from './residualInstance.js';
export type { ResidualInstance, ResidualInstanceOptions, QZeroRoute } from './residualInstance.js';
export { RESIDUAL_REGIONS, THM1_REGION_WEIGHTS, THM2_REGION_WEIGHTS, NEEDS_NONZERO_W } from './regions.js';
export type { ResidualRegion } from './regions.js';
export { wStarArb, WSTAR_KINDS } from './wStar.js';
export type { WStarKind } from './wStar.js';
export { cancellingV, cancellationRatio } from './cancellation.js';
export { DEFAULT_SIZES, resolveSizes } from './sizes.js';
export type { SizeOptions } from './sizes.js';
export { realArb, gaussianArb, decadeArb, sizeArb, weightedPick } from './scalars.js';
export { seedArb } from './seeds.js';
export { vectorArb, matrixArb } from './arrays.js';
export { weightsArb, biasArb, layerArb } from './mlpLayers.js';
export { stableChain } from './stableChain.js';
export type { RealOptions } from './scalars.js';
