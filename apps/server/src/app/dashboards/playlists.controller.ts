import { layoutFileNameSchema, type Playlist } from '@grid-command/contracts';
import type { ReferenceIndex } from '@grid-command/domain';
import { Controller, Get, Inject, Logger, Param, type OnModuleInit } from '@nestjs/common';
import { existsSync } from 'node:fs';
import type { AppConfig } from '../../config/app-config';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG, REFERENCE_INDEX } from '../infrastructure/tokens';
import { playlistFile, PlaylistFileError, readPlaylist, validatePlaylists } from './playlist-files';

/** The problems a wall shows of a broken playlist: enough to find the mistake. */
const SHOWN_PROBLEMS = 5;

/** Wall playlists (`dashboards/playlists/*.json`), read from disk on every request like the layouts they name. */
@Controller('api/v1/playlists')
export class PlaylistsController implements OnModuleInit {
  private readonly logger = new Logger(PlaylistsController.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
  ) {}

  async onModuleInit(): Promise<void> {
    const names = await validatePlaylists(this.config.dashboardDir, this.reference);
    this.logger.log(`playlists in ${this.config.dashboardDir}: ${names.join(', ') || 'none'}`);
  }

  @Get(':name')
  async playlist(@Param('name') name: string): Promise<Playlist> {
    if (!layoutFileNameSchema.safeParse(name).success) throw new AppError('invalid_parameter', 'name must be lower-case letters, digits and dashes (at most 64)');
    if (!existsSync(playlistFile(this.config.dashboardDir, name))) throw new AppError('not_found', `no playlist named ${name}`);
    try {
      return await readPlaylist(this.config.dashboardDir, name, this.reference);
    } catch (error) {
      if (!(error instanceof PlaylistFileError)) throw error;
      this.logger.error(error.message);
      const problems = error.problems.slice(0, SHOWN_PROBLEMS);
      throw new AppError('internal', `播放列表 ${name} 的文件有误，请修正后再试 / playlist ${name} is invalid: ${problems.join('; ')}`, {
        issues: problems.map((problem) => ({ index: 0, path: problem.split(': ')[0] ?? '', message: problem })),
      });
    }
  }
}
