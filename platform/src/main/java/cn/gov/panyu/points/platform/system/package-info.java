/**
 * The platform's frame and housekeeping: page layout and navigation, the home dashboard, error pages
 * and what the platform knows about itself (engine, model, database).
 */
package cn.gov.panyu.points.platform.system;
