package cn.gov.panyu.points.platform.evaluation;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;

/** {@link RunLifecycleContract} on the embedded H2 database. */
@PlatformIntegrationTest
class EvaluationRunsIntegrationTests extends RunLifecycleContract {
}
