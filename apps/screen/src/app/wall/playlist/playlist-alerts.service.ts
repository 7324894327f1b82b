import { Injectable } from '@angular/core';
import { AlertFeedService } from '../../shared/alerts/alert-feed.service';

/**
 * The alerts of a playlist's whole scope, watched for the critical ones that pause the tour. A token of its own, so
 * the player's watch is never the one a panel or the console injects.
 */
@Injectable()
export class PlaylistAlerts extends AlertFeedService {}
